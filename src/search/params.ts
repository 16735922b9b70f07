/** The URL parameter that carries search terms to an article page, where Pagefind's highlight script marks them. */
export const HIGHLIGHT_PARAM = 'pagefind-highlight';
