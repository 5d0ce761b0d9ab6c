<?php
// Router for `php -S`: real files are served as they are, everything else goes to WordPress's
// index.php (needed for /wp-json/… and pretty permalinks, which Apache does with mod_rewrite).
$mag_path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($mag_path !== '/' && $mag_path !== null && is_file($_SERVER['DOCUMENT_ROOT'] . $mag_path)) {
	return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir($_SERVER['DOCUMENT_ROOT']);
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
