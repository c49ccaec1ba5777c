export const SITE_TITLE = 'Standpoint';
export const SITE_DESCRIPTION =
  'Who claims what about whom in the news: each article as a cross-linked reference of its parties and claims.';
/** Said on every article and party page: the site records claims, it does not check them. */
export const NOT_CHECKED_NOTICE =
  'This page records what each party claims, as the text reports it. It does not say whether any claim is true.';
