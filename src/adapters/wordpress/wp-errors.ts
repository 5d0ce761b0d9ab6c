/**
 * What WordPress's refusals mean: an error answer of its REST API (its `code`, its message, the
 * parameters it names) turned into a {@link MagAdapterError} with the library's code and, for a
 * comment, the draft field concerned.
 */

import { MagAdapterError } from '../../core/errors.js';
import type { MagErrorCode } from '../../core/errors.js';
import type { CommentDraft } from '../../core/model.js';
import { isRecord } from '../../core/schema.js';
import { htmlToText } from '../feed/html-text.js';
import type { WpCommentInput, WpError } from './wp-types.js';

/** The parameters of `POST /wp/v2/comments` that are draft fields (WordPress names them in `rest_invalid_param` errors). */
const FIELD_OF_PARAM: Record<string, keyof CommentDraft> = {
  author_name: 'authorName',
  author_email: 'authorEmail',
  author_url: 'authorUrl',
  content: 'bodyText',
  parent: 'parentId',
};

/**
 * What WordPress's error codes mean, and then, for any other error, its HTTP status: the error code,
 * the start of the message (WordPress's own message follows) and the draft field concerned.
 */
const WP_ERRORS: Record<string, [MagErrorCode, string, (keyof CommentDraft)?]> = {
  rest_comment_login_required: ['rejected', 'WordPress only accepts comments from logged-in users'],
  rest_comment_closed: ['closed', 'Comments are closed on this article'],
  comment_duplicate: ['duplicate', 'This comment was already posted'],
  comment_flood: ['too-fast', 'Comments are being posted too quickly; wait a little'],
  rest_comment_content_invalid: ['rejected', 'WordPress refused the comment text', 'bodyText'],
  comment_content_column_length: ['rejected', 'WordPress refused the comment text', 'bodyText'],
  comment_author_column_length: ['rejected', 'WordPress refused the name', 'authorName'],
  comment_author_email_column_length: ['rejected', 'WordPress refused the email address', 'authorEmail'],
  comment_author_url_column_length: ['rejected', 'WordPress refused the website address', 'authorUrl'],
  // (rest_post_invalid_id, rest_user_invalid_id, rest_term_invalid and rest_no_route come with HTTP 404: not-found below)
  rest_comment_invalid_post_id: ['not-found', 'Not found on WordPress'],
  rest_comment_draft_post: ['not-found', 'This article is not published'],
  rest_comment_trash_post: ['not-found', 'This article is not published'],
  // by HTTP status (5xx: network, others: rejected); these messages also give the status and the URL
  404: ['not-found', 'Not found on WordPress'],
  409: ['duplicate', 'WordPress says this already exists'],
  429: ['too-fast', 'WordPress asks to slow down'],
};

/**
 * The error for a request WordPress refused: its HTTP `status`, its answer (`body`, parsed JSON, if
 * any: WordPress's error object), the URL asked for, and the comment when one was posted.
 */
export function errorOf(status: number, body: unknown, url: string, comment?: WpCommentInput): MagAdapterError {
  const wpError = isWpError(body) ? body : undefined;
  const said = wpError ? htmlToText(wpError.message) : '';
  const tail = said ? `: ${said}` : '';
  const make = (errorCode: MagErrorCode, message: string, field?: string) => new MagAdapterError(errorCode, message, { status, field, cause: wpError, reason: said || undefined });
  const code = wpError?.code ?? '';
  // (WordPress's code is data: an own entry of the table only, never `constructor` or `toString`)
  const known = Object.hasOwn(WP_ERRORS, code) ? WP_ERRORS[code] : undefined;
  if (known) return make(known[0], known[1] + tail, known[2]);
  if (code === 'rest_comment_author_data_required') {
    return make('rejected', 'WordPress needs a name and a valid email address' + tail, comment?.author_name?.trim() ? 'authorEmail' : 'authorName');
  }
  if (code === 'rest_invalid_param' || code === 'rest_missing_callback_param') {
    const params = wpError?.data?.params ?? {};
    const names = Object.keys(params);
    const param = names.find((p) => Object.hasOwn(FIELD_OF_PARAM, p)) ?? names[0];
    const detail = param ? (params[param] ?? said) : said;
    return make('rejected', `WordPress refused the request: ${htmlToText(String(detail))}`, param ? ((Object.hasOwn(FIELD_OF_PARAM, param) && FIELD_OF_PARAM[param]) || param) : undefined);
  }
  const [errorCode, what] = (Object.hasOwn(WP_ERRORS, status) && WP_ERRORS[status]) || (status >= 500 ? ['network', 'WordPress failed'] : ['rejected', `WordPress refused the ${comment ? 'comment' : 'request'}`]);
  return make(errorCode, `${what} (HTTP ${status}, ${url})${tail}`);
}

function isWpError(value: unknown): value is WpError {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}
