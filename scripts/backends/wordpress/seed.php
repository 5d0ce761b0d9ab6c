<?php
/**
 * Installs and seeds the private test WordPress (run by scripts/backends/wordpress.mjs with PHP CLI;
 * wp-cli is not available on Debian 12). Prints a JSON summary (ids by name) on its last line.
 *
 * Content: three sections (one with an entity in its name), two authors with bios, a title with
 * entities and quotes, comments threaded three levels deep, a pending comment, a post with closed
 * comments, a post for comment-posting tests, a draft, two video attachments (the file
 * MAG_WP_VIDEO names, read by WordPress as an upload is; the newer one with a poster image), and a
 * site timezone that is not UTC (so local dates and *_gmt dates differ).
 */
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('WP_INSTALLING', true);
require __DIR__ . '/root/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/media.php';

function mag_fail($what) {
	fwrite(STDERR, "seed: $what\n");
	exit(1);
}
function mag_check($result, $what) {
	if (is_wp_error($result)) mag_fail("$what: " . $result->get_error_message());
	if (!$result) mag_fail("$what failed");
	return $result;
}

$install = wp_install('The Mag & Co. Review', 'admin', 'admin@example.test', true, '', 'admin-test-password');
if (is_wp_error($install)) mag_fail('wp_install: ' . $install->get_error_message());

// Drop the sample content wp_install() creates ("Hello world!" dated now, its comment, the sample pages).
foreach (get_posts(array('post_type' => array('post', 'page'), 'post_status' => 'any', 'numberposts' => -1)) as $sample) {
	wp_delete_post($sample->ID, true);
}

update_option('blogdescription', 'Stories, essays & notes from a "small" magazine');
update_option('timezone_string', 'Europe/Berlin');
update_option('gmt_offset', '');
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
update_option('comment_previously_approved', 0);
update_option('comment_moderation', 0);
update_option('require_name_email', 1);
update_option('comment_registration', 0);
update_option('thread_comments', 1);
update_option('thread_comments_depth', 5);
update_option('default_comment_status', 'open');
update_option('posts_per_rss', 20);
update_option('rss_use_excerpt', 0);
update_option('show_avatars', 1);
// Comments are never closed automatically by age (seeded posts are "old").
update_option('close_comments_for_old_posts', 0);

// Regenerate rewrite rules with the pretty permalink structure.
global $wp_rewrite;
$wp_rewrite->init();
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
flush_rewrite_rules(false);

// The "Uncategorized" default category stays (it is real WordPress data) but gets no posts.

$users = array();
$users['ada'] = mag_check(wp_insert_user(array(
	'user_login' => 'ada',
	'user_pass' => 'ada-test-password',
	'user_email' => 'ada@example.test',
	'display_name' => 'Ada Lovelace',
	'nickname' => 'Ada',
	'user_url' => 'https://ada.example.test/',
	'description' => 'Ada writes about engines & numbers. She "likes" footnotes.',
	'role' => 'author',
)), 'user ada');
$users['grace'] = mag_check(wp_insert_user(array(
	'user_login' => 'grace',
	'user_pass' => 'grace-test-password',
	'user_email' => 'grace@example.test',
	'display_name' => 'Grace Hopper',
	'user_url' => '',
	'description' => 'Grace covers science and the occasional bug.',
	'role' => 'author',
)), 'user grace');

$cats = array();
foreach (array(
	'news' => 'News',
	'culture' => 'Culture',
	'science-tech' => 'Science & Tech',
) as $slug => $name) {
	$term = mag_check(wp_insert_term($name, 'category', array('slug' => $slug)), "category $slug");
	$cats[$slug] = $term['term_id'];
}

function mag_post($title, $slug, $gmt, $author, $cats, $content, $extra = array()) {
	return mag_check(wp_insert_post(array_merge(array(
		'post_title' => $title,
		'post_name' => $slug,
		'post_status' => 'publish',
		'post_type' => 'post',
		'post_author' => $author,
		'post_category' => $cats,
		'post_content' => $content,
		'post_date' => get_date_from_gmt($gmt),
		'post_date_gmt' => $gmt,
		'comment_status' => 'open',
	), $extra), true), "post $slug");
}

$posts = array();
$posts['hello'] = mag_post('Hello from the newsroom', 'hello-newsroom', '2024-01-10 09:00:00', $users['ada'], array($cats['news']),
	"<p>The first issue is out.</p>\n<!--more-->\n<p>More about what comes next.</p>");
$posts['tips'] = mag_post('Tips & Tricks: "Smart" quotes aren\'t dumb', 'tips-and-tricks', '2024-02-14 11:30:00', $users['ada'], array($cats['culture']),
	"<p>Typographers love \"curly\" quotes &amp; proper dashes -- like this one.</p>\n<h2>Why it matters</h2>\n<p>Because <em>details</em> matter.</p>");
$posts['roundup'] = mag_post('Science & Tech roundup', 'science-roundup', '2024-03-01 08:15:00', $users['grace'], array($cats['science-tech'], $cats['news']),
	"<p>This week: compilers, moths and nanoseconds.</p>", array('comment_status' => 'closed'));
$posts['culture'] = mag_post('A quiet week in culture', 'quiet-week', '2024-03-20 17:45:00', $users['grace'], array($cats['culture']),
	"<p>Nothing happened, beautifully.</p>");
$posts['letters'] = mag_post('Letters to the editor', 'letters', '2024-04-02 07:00:00', $users['ada'], array($cats['news']),
	"<p>Write to us below. This post is where tests post their comments.</p>");
$posts['draft'] = mag_post('An unfinished draft', 'unfinished-draft', '2024-04-10 07:00:00', $users['ada'], array($cats['news']),
	"<p>Not yet.</p>", array('post_status' => 'draft'));

function mag_comment($post, $author, $email, $url, $gmt, $content, $parent = 0, $approved = 1, $user_id = 0) {
	return mag_check(wp_insert_comment(array(
		'comment_post_ID' => $post,
		'comment_author' => $author,
		'comment_author_email' => $email,
		'comment_author_url' => $url,
		'comment_author_IP' => '192.0.2.1',
		'comment_date' => get_date_from_gmt($gmt),
		'comment_date_gmt' => $gmt,
		'comment_content' => $content,
		'comment_parent' => $parent,
		'comment_approved' => $approved,
		'comment_type' => 'comment',
		'user_id' => $user_id,
	)), "comment by $author");
}

$comments = array();
$p = $posts['tips'];
$comments['c1'] = mag_comment($p, 'Marie Curie', 'marie@example.test', 'https://marie.example.test/', '2024-02-14 12:00:00', 'Great piece -- I\'ll never type "straight" quotes again.');
$comments['c2'] = mag_comment($p, 'Ada Lovelace', 'ada@example.test', '', '2024-02-14 12:30:00', 'Thank you, Marie!', $comments['c1'], 1, $users['ada']);
$comments['c3'] = mag_comment($p, 'Marie Curie', 'marie@example.test', 'https://marie.example.test/', '2024-02-14 13:00:00', 'You are welcome &amp; keep writing.', $comments['c2']);
$comments['c4'] = mag_comment($p, 'Linus', 'linus@example.test', '', '2024-02-15 09:00:00', 'What about <em>guillemets</em>?');
$comments['c5'] = mag_comment($p, 'Ada Lovelace', 'ada@example.test', '', '2024-02-15 10:00:00', 'Next issue, promised.', $comments['c4'], 1, $users['ada']);
$comments['c6'] = mag_comment($p, 'Zed', 'zed@example.test', '', '2024-02-16 08:00:00', 'Last word.');
$comments['pending'] = mag_comment($p, 'Spammy Sam', 'sam@example.test', '', '2024-02-16 09:00:00', 'Buy my stuff', 0, 0);
$comments['closed1'] = mag_comment($posts['roundup'], 'Grace Fan', 'fan@example.test', '', '2024-03-01 10:00:00', 'Moths!');
$comments['closed2'] = mag_comment($posts['roundup'], 'Grace Hopper', 'grace@example.test', '', '2024-03-01 11:00:00', 'Indeed.', $comments['closed1'], 1, $users['grace']);
foreach (array_unique(array($posts['tips'], $posts['roundup'])) as $id) wp_update_comment_count_now($id);

// Media: files in wp-content/uploads (no year/month folders: the same paths whatever the day of the build).
update_option('uploads_use_yearmonth_folders', 0);
$uploads = wp_upload_dir();
if (!empty($uploads['error'])) mag_fail('uploads: ' . $uploads['error']);

/** An attachment for the file `$name` of the uploads folder, with the metadata WordPress reads from the file. */
function mag_attachment($name, $mime, $title, $gmt, $author) {
	$file = wp_upload_dir()['path'] . '/' . $name;
	$id = mag_check(wp_insert_attachment(array(
		'post_title' => $title,
		'post_mime_type' => $mime,
		'post_status' => 'inherit',
		'post_author' => $author,
		'post_date' => get_date_from_gmt($gmt),
		'post_date_gmt' => $gmt,
	), $file, 0, true), "attachment $name");
	wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $file));
	return $id;
}

$video = getenv('MAG_WP_VIDEO');
if (!$video || !is_file($video)) mag_fail('MAG_WP_VIDEO names no video file');
foreach (array('opening-the-market.webm', 'older-clip.webm') as $name) {
	if (!copy($video, $uploads['path'] . '/' . $name)) mag_fail("copying the video to $name");
}
$poster = imagecreatetruecolor(320, 180);
imagefill($poster, 0, 0, imagecolorallocate($poster, 29, 78, 137));
imagefilledellipse($poster, 160, 90, 60, 60, imagecolorallocate($poster, 242, 193, 78));
if (!imagepng($poster, $uploads['path'] . '/opening-the-market-poster.png')) mag_fail('writing the poster');

$media = array();
$media['video'] = mag_attachment('opening-the-market.webm', 'video/webm', 'Opening the market & the "fair"', '2024-03-05 10:00:00', $users['grace']);
$media['poster'] = mag_attachment('opening-the-market-poster.png', 'image/png', 'Opening the market (poster)', '2024-03-05 10:00:00', $users['grace']);
update_post_meta($media['poster'], '_wp_attachment_image_alt', 'A yellow sun on a blue field');
set_post_thumbnail($media['video'], $media['poster']);
$media['olderVideo'] = mag_attachment('older-clip.webm', 'video/webm', 'An older clip', '2023-11-20 08:00:00', $users['ada']);

echo json_encode(array('posts' => $posts, 'comments' => $comments, 'categories' => $cats, 'users' => $users, 'media' => $media)), "\n";
