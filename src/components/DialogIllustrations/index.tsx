// Drawings of the QuickBooks and Web Connector windows a reader meets during setup: one file per
// window, and the drawing parts they share (the figure, marks, drawn controls) in shared.tsx.
export {certificateChoiceLabels, personalDataLabel, type CertificateChoice} from './shared';
export {ApplicationCertificateDialog, type ApplicationCertificateDialogProps} from './ApplicationCertificateDialog';
export {AccessConfirmationDialog, type AccessConfirmationDialogProps} from './AccessConfirmationDialog';
export {
  IntegratedApplicationsPreferences,
  type IntegratedApplicationsPreferencesProps,
  type PreferencesMark,
} from './IntegratedApplicationsPreferences';
export {WebConnectorWindow, type WebConnectorMark, type WebConnectorWindowProps} from './WebConnectorWindow';
