<?php
/**
 * The WordPress of the plugin's checks (scripts/check-wordpress-plugin.mjs), run with PHP CLI by
 * scripts/backends/wordpress.mjs against a run's copy of the seeded site (MAG_WP_ROOT):
 *
 *   plugin-site.php setup <zip>          installs the zip as Plugins → Add New → Upload Plugin does
 *                                        (Plugin_Upgrader), activates it (activate_plugin()), switches to
 *                                        Twenty Twenty-One and adds a post with every block and one with
 *                                        every shortcode; prints a JSON summary on its last line;
 *   plugin-site.php option <name> <json> sets an option (the value is JSON: 1, true, "text").
 *   plugin-site.php get <name>           prints an option as JSON.
 *   plugin-site.php theme <name>         switches to that theme.
 *   plugin-site.php comments <post id>   prints the post's comments, every status, as JSON.
 */
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('FS_METHOD', 'direct');
require getenv('MAG_WP_ROOT') . '/wp-load.php';

function mag_site_fail($what) {
	fwrite(STDERR, "plugin-site: $what\n");
	exit(1);
}

$command = $argv[1] ?? '';

if ($command === 'option') {
	update_option($argv[2], json_decode($argv[3], true));
	echo json_encode(get_option($argv[2])), "\n";
	exit(0);
}

if ($command === 'theme') {
	if (!wp_get_theme($argv[2])->exists()) mag_site_fail("the theme {$argv[2]} is missing: apt-get install wordpress-theme-{$argv[2]}");
	switch_theme($argv[2]);
	echo json_encode(get_stylesheet()), "\n";
	exit(0);
}

if ($command === 'get') {
	echo json_encode(get_option($argv[2], null)), "\n";
	exit(0);
}

if ($command === 'comments') {
	$list = array();
	foreach (get_comments(array('post_id' => (int) $argv[2], 'status' => 'all', 'order' => 'ASC')) as $c) {
		$list[] = array('id' => (int) $c->comment_ID, 'author' => $c->comment_author, 'email' => $c->comment_author_email, 'user' => (int) $c->user_id, 'approved' => $c->comment_approved, 'content' => $c->comment_content);
	}
	foreach (get_comments(array('post_id' => (int) $argv[2], 'status' => 'spam')) as $c) {
		$list[] = array('id' => (int) $c->comment_ID, 'author' => $c->comment_author, 'approved' => 'spam', 'content' => $c->comment_content);
	}
	echo json_encode($list), "\n";
	exit(0);
}

if ($command !== 'setup') mag_site_fail("unknown command \"$command\"");

require_once ABSPATH . 'wp-admin/includes/admin.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
wp_set_current_user(1);

$zip = $argv[2] ?? '';
if (!is_readable($zip)) mag_site_fail("no zip at $zip");
$skin = new Automatic_Upgrader_Skin();
$installed = (new Plugin_Upgrader($skin))->install($zip);
if ($installed !== true) {
	mag_site_fail('Plugin_Upgrader::install: ' . (is_wp_error($installed) ? $installed->get_error_message() : 'failed') . ' ' . implode(' ', array_map('strval', $skin->get_upgrade_messages())));
}
$activated = activate_plugin('mag-elements/mag-elements.php', '', false, false);
if (is_wp_error($activated)) mag_site_fail('activate_plugin: ' . $activated->get_error_message());

if (!wp_get_theme('twentytwentyone')->exists()) {
	mag_site_fail('the theme Twenty Twenty-One is missing: apt-get install wordpress-theme-twentytwentyone');
}
switch_theme('twentytwentyone');

$ada = get_user_by('login', 'ada');
$blocks = implode("\n\n", array(
	'<!-- wp:paragraph --><p>Every element of the plugin, as a block.</p><!-- /wp:paragraph -->',
	'<!-- wp:mag-elements/article {"headingLevel":2} /-->',
	'<!-- wp:mag-elements/comment-thread {"order":"newest","headingLevel":3} /-->',
	'<!-- wp:mag-elements/comment-feed-link {"discover":true} /-->',
	'<!-- wp:mag-elements/recent-contributions {"limit":3,"heading":"Latest from the Mag"} /-->',
	'<!-- wp:mag-elements/subscribe-form {"action":"https://newsletter.example.test/subscribe","fieldName":"EMAIL"} /-->',
	'<!-- wp:mag-elements/about-box {"key":"author"} /-->',
	'<!-- wp:mag-elements/video-list {"heading":"On video","playMode":"consent"} /-->',
));
$shortcodes = implode("\n\n", array(
	'Every element of the plugin, as a shortcode.',
	'[mag_article heading-level="2"]',
	'[mag_comment_thread heading_level="3"]',
	'[mag_comment_feed_link]',
	'[mag_recent_contributions limit="2" section="culture"]',
	'[mag_subscribe_form action="https://newsletter.example.test/subscribe"]',
	'[mag_about_box key="author:grace"]',
	'[mag_video_list limit="1" play-mode="link"]',
));
$posts = array();
foreach (array('blocks' => array('Every block', $blocks), 'shortcodes' => array('Every shortcode', $shortcodes)) as $slug => list($title, $content)) {
	$posts[$slug] = wp_insert_post(array(
		'post_title' => $title,
		'post_name' => "every-$slug",
		'post_status' => 'publish',
		'post_author' => $ada->ID,
		'post_content' => $content,
		'post_date_gmt' => $slug === 'blocks' ? '2024-05-01 09:00:00' : '2024-05-02 09:00:00',
		'post_date' => get_date_from_gmt($slug === 'blocks' ? '2024-05-01 09:00:00' : '2024-05-02 09:00:00'),
		'comment_status' => 'open',
	), true);
	if (is_wp_error($posts[$slug])) mag_site_fail("post $slug: " . $posts[$slug]->get_error_message());
}
$comment = wp_insert_comment(array(
	'comment_post_ID' => $posts['blocks'],
	'comment_author' => 'Block Reader',
	'comment_author_email' => 'block-reader@example.test',
	'comment_content' => 'A comment on the post with every block.',
	'comment_approved' => 1,
	'comment_date_gmt' => '2024-05-01 10:00:00',
	'comment_date' => get_date_from_gmt('2024-05-01 10:00:00'),
));
wp_update_comment_count_now($posts['blocks']);

echo json_encode(array('posts' => $posts, 'comment' => $comment, 'plugin' => get_plugin_data(WP_PLUGIN_DIR . '/mag-elements/mag-elements.php')['Version'])), "\n";
