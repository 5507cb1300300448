import {Component, type ErrorInfo, type ReactNode} from 'react';

interface Props {
  /** What the widget is, in words: "The .qwc generator". */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Last line of defence: a bug in a widget shows a sentence and a way to start again, never a
 * blank page. Expected bad input (broken files, odd passwords) is handled inside the widgets.
 */
export default class WidgetErrorBoundary extends Component<Props, State> {
  override state: State = {error: null};

  static getDerivedStateFromError(error: Error): State {
    return {error};
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`${this.props.name} stopped: ${error.message}`, info.componentStack);
  }

  override render(): ReactNode {
    const {error} = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="alert alert--danger">
        <p>
          {this.props.name} ran into a problem it did not expect and stopped: {error.message || 'unknown error'}. Nothing was sent
          anywhere.
        </p>
        <button type="button" className="button button--secondary button--sm" onClick={() => this.setState({error: null})}>
          Start the tool again
        </button>
      </div>
    );
  }
}
