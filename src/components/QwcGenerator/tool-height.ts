/** Room the .qwc generator holds while its code loads and while it is drawn in steps, so that the page below it does not jump. */
export const TOOL_MIN_HEIGHT = '60rem';
