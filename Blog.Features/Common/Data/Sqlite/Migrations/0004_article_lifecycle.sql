-- Edits, optimistic concurrency and Markdown rendered at write time.
-- version: the article's revision, the ETag; every edit adds one, in the statement that checks it.
-- content_html: the rendered, sanitized HTML, read as it is by every GET.
-- renderer_name/renderer_version: what rendered content_html, so that `articles rerender` finds the rows an older
-- renderer wrote. The defaults mark a row written without rendering (by a tool that does not know these columns)
-- as stale: the rerender command renders it.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN updated_at TEXT;
ALTER TABLE articles ADD COLUMN content_html TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN renderer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN renderer_version TEXT NOT NULL DEFAULT '';

-- SQL cannot render Markdown. Existing rows get their text HTML-escaped, line breaks kept: exactly what the client
-- showed before Markdown, and safe. Their renderer differs from the Markdown renderer's, so `articles rerender`
-- renders them properly, in batches, while the API serves them.
UPDATE articles
SET content_html = '<p>' || replace(replace(replace(replace(replace(content,
        '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), char(10), '<br>') || '</p>',
    renderer_name = 'escaped-text',
    renderer_version = '1';
