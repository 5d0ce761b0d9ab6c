/** The parts of WordPress REST API v2 answers the adapter reads (everything optional: it is checked). */

export interface WpRendered {
  rendered?: string;
}

export interface WpTerm {
  id?: number;
  name?: string;
  slug?: string;
  link?: string;
  taxonomy?: string;
}

export interface WpUser {
  id?: number;
  name?: string;
  url?: string;
  link?: string;
  slug?: string;
  description?: string;
  avatar_urls?: Record<string, string>;
}

export interface WpPost {
  id: number;
  date?: string;
  date_gmt?: string;
  modified_gmt?: string;
  slug?: string;
  link?: string;
  title?: WpRendered;
  content?: WpRendered;
  excerpt?: WpRendered;
  comment_status?: string;
  _embedded?: {
    /** (an error object, without a `name`, when the author is not public) */
    author?: WpUser[];
    'wp:term'?: WpTerm[][];
  };
}

/** An attachment of `/wp/v2/media`. */
export interface WpMedia extends Omit<WpPost, '_embedded'> {
  source_url?: string;
  alt_text?: string;
  media_details?: { length?: number };
  _embedded?: {
    /** The poster of a video: its featured image (an error object, without `source_url`, when it is not public). */
    'wp:featuredmedia'?: WpMedia[];
  };
}

export interface WpComment {
  id: number;
  post?: number;
  parent?: number;
  author_name?: string;
  author_url?: string;
  date?: string;
  date_gmt?: string;
  content?: WpRendered;
  link?: string;
  status?: string;
  author_avatar_urls?: Record<string, string>;
}

export interface WpIndex {
  name?: string;
  description?: string;
  url?: string;
  home?: string;
  site_icon_url?: string;
}

export interface WpError {
  code: string;
  message: string;
  data?: { status?: number; params?: Record<string, string> };
}

/** The JSON body of `POST /wp/v2/comments` (fields left undefined are not sent). */
export interface WpCommentInput {
  post: number;
  author_name: string;
  author_email?: string;
  author_url?: string;
  content: string;
  parent?: number;
}
