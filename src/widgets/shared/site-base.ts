/** The site's own address, origin and base path, e.g. "https://lab.example/sub/" (browser only). */
export function siteBase(): string {
  return `${location.origin}${import.meta.env.BASE_URL.replace(/\/?$/, '/')}`;
}
