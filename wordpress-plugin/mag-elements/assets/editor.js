/**
 * mag-elements blocks in the editor, without a build step: WordPress's own globals (wp.blocks,
 * wp.element, wp.blockEditor, wp.components, wp.i18n). The block's metadata (title, attributes) comes
 * from blocks/<name>/block.json, registered by PHP; this file gives each block its settings in the
 * sidebar (one control per attribute) and a placeholder in the content. The page shows the element
 * itself, rendered by PHP (dynamic blocks save nothing).
 */
( function ( wp ) {
	'use strict';

	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var components = wp.components;

	/** Each attribute's label and help, in the blocks' words. */
	var FIELDS = {
		articleId: {
			label: __( 'Post (ID or slug)', 'mag-elements' ),
			help: __( 'Empty: the post the page shows.', 'mag-elements' ),
		},
		headingLevel: { label: __( 'Heading level', 'mag-elements' ) },
		embedHosts: {
			label: __( 'Video hosts', 'mag-elements' ),
			help: __( 'Hosts whose https video frames are kept in the text, separated by spaces (www.youtube-nocookie.com player.vimeo.com).', 'mag-elements' ),
		},
		printComments: { label: __( 'Print the comments with the article', 'mag-elements' ) },
		order: {
			label: __( 'Order', 'mag-elements' ),
			options: [
				{ value: 'oldest', label: __( 'Oldest first', 'mag-elements' ) },
				{ value: 'newest', label: __( 'Newest first', 'mag-elements' ) },
			],
		},
		maxDepth: {
			label: __( 'Deepest level of replies', 'mag-elements' ),
			help: __( '0: one flat list.', 'mag-elements' ),
		},
		disabled: { label: __( 'Close comments here', 'mag-elements' ) },
		hideClosedNoticeWhenEmpty: { label: __( 'Show nothing when comments are closed and there are none', 'mag-elements' ) },
		discover: {
			label: __( 'Announce the feed to feed readers', 'mag-elements' ),
			help: __( 'Adds a link to the feed in the head of the page.', 'mag-elements' ),
		},
		limit: { label: __( 'Number of articles', 'mag-elements' ) },
		section: {
			label: __( 'Category', 'mag-elements' ),
			help: __( 'Its name, slug or ID. Empty: every category.', 'mag-elements' ),
		},
		heading: {
			label: __( 'Title', 'mag-elements' ),
			help: __( "Empty: the element's own title, in the reader's language.", 'mag-elements' ),
		},
		excludeCurrent: { label: __( 'Leave out the post the page shows', 'mag-elements' ) },
		action: {
			label: __( 'Newsletter service URL', 'mag-elements' ),
			help: __( "Where the form posts the address (your newsletter service's subscribe URL).", 'mag-elements' ),
		},
		method: {
			label: __( 'Method', 'mag-elements' ),
			options: [
				{ value: 'post', label: 'POST' },
				{ value: 'get', label: 'GET' },
			],
		},
		target: {
			label: __( 'Open the answer in', 'mag-elements' ),
			help: __( 'A frame name or _blank. Empty: this page.', 'mag-elements' ),
		},
		fieldName: {
			label: __( 'Name of the email field', 'mag-elements' ),
			help: __( 'The name your newsletter service expects (EMAIL, email…).', 'mag-elements' ),
		},
		key: {
			label: __( 'About', 'mag-elements' ),
			help: __( 'site: the site; author: the author of the post the page shows; author:<ID or slug>: an author.', 'mag-elements' ),
		},
		playMode: {
			label: __( 'Play', 'mag-elements' ),
			options: [
				{ value: 'inline', label: __( 'In the page, when the reader presses play', 'mag-elements' ) },
				{ value: 'consent', label: __( 'In the page, once the reader agrees to load the video host', 'mag-elements' ) },
				{ value: 'link', label: __( "On the video's page", 'mag-elements' ) },
			],
		},
		hostThumbnails: {
			label: __( "Show thumbnails stored on the video hosts' servers", 'mag-elements' ),
			help: __( 'The reader\'s browser then asks those hosts for them before play. Off: a placeholder.', 'mag-elements' ),
		},
	};

	/** The attributes that mean something else in one block: their label and help there. */
	var BLOCK_FIELDS = {
		'mag-elements/video-list': {
			limit: { label: __( 'Number of videos', 'mag-elements' ) },
			embedHosts: {
				label: __( 'Other video hosts', 'mag-elements' ),
				help: __( 'Hosts whose players may play in the page besides YouTube, Vimeo and Dailymotion, separated by spaces (peertube.example).', 'mag-elements' ),
			},
		},
	};

	/** One control for an attribute of the block `blockName`, chosen by its type in block.json. */
	function control( blockName, name, schema, value, setAttributes ) {
		var field = ( BLOCK_FIELDS[ blockName ] || {} )[ name ] || FIELDS[ name ] || { label: name };
		var set = function ( next ) {
			var change = {};
			change[ name ] = next;
			setAttributes( change );
		};
		var common = { key: name, label: field.label, help: field.help };
		if ( schema.type === 'boolean' ) {
			return el( components.ToggleControl, Object.assign( common, { checked: !! value, onChange: set } ) );
		}
		if ( schema.type === 'integer' ) {
			return el(
				components.RangeControl,
				Object.assign( common, {
					value: value,
					min: schema.minimum,
					max: schema.maximum,
					onChange: function ( next ) {
						set( typeof next === 'number' ? next : schema.default );
					},
				} )
			);
		}
		if ( field.options ) {
			return el( components.SelectControl, Object.assign( common, { value: value, options: field.options, onChange: set } ) );
		}
		return el( components.TextControl, Object.assign( common, { value: value || '', onChange: set } ) );
	}

	function edit( name ) {
		return function Edit( props ) {
			var type = wp.blocks.getBlockType( name );
			var attributes = type.attributes;
			var controls = Object.keys( attributes )
				.filter( function ( key ) {
					return key !== 'className' && key !== 'align' && key !== 'lock' && key !== 'metadata';
				} )
				.map( function ( key ) {
					return control( name, key, attributes[ key ], props.attributes[ key ], props.setAttributes );
				} );
			return el(
				'div',
				useBlockProps(),
				el(
					InspectorControls,
					null,
					el( components.PanelBody, { title: __( 'Settings', 'mag-elements' ) }, controls )
				),
				el( components.Placeholder, {
					icon: type.icon && type.icon.src,
					label: type.title,
					instructions: type.description,
				} )
			);
		};
	}

	[ 'article', 'comment-thread', 'comment-feed-link', 'recent-contributions', 'subscribe-form', 'about-box', 'video-list' ].forEach( function ( slug ) {
		var name = 'mag-elements/' + slug;
		wp.blocks.registerBlockType( name, {
			edit: edit( name ),
			save: function () {
				return null;
			},
		} );
	} );
} )( window.wp );
