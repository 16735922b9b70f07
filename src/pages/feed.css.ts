import feedCss from '../styles/feed.css?raw';
import tokensCss from '../styles/tokens.css?raw';

/**
 * feed.css, the look of the feed in a browser (feed.xsl links it): the site's own fonts and
 * colours (tokens.css, which site.css imports too) followed by the feed view's rules. A file of
 * the site's origin, as the Content-Security-Policy's `style-src 'self'` requires.
 */
export function GET(): Response {
  return new Response(`${tokensCss}\n${feedCss}`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
}
