-- Full-text search over the articles' title and content. An external-content FTS5 table holds only the index (the text
-- stays in articles); the triggers below write it in the same transaction as the row, so a new, edited or deleted
-- article is found (or not) at once. remove_diacritics 2 folds accents on both sides: "cafe" finds "Café" and back.
CREATE VIRTUAL TABLE articles_search USING fts5(
    title,
    content,
    content = 'articles',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The titles alone, once more: "which articles hold every word in the title?" (they rank first) then reads the
-- short lists of title words, never the long lists of the content's (a word in every article's text).
CREATE VIRTUAL TABLE articles_title_search USING fts5(
    title,
    content = 'articles',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_search_after_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_search (rowid, title, content) VALUES (new.id, new.title, new.content);
    INSERT INTO articles_title_search (rowid, title) VALUES (new.id, new.title);
END;

-- An external-content index forgets a row by being told its old text ('delete'), so the old values go in.
CREATE TRIGGER articles_search_after_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_search (articles_search, rowid, title, content) VALUES ('delete', old.id, old.title, old.content);
    INSERT INTO articles_title_search (articles_title_search, rowid, title) VALUES ('delete', old.id, old.title);
END;

-- Only the indexed columns (and the id, the index's rowid) matter: an update of any other column keeps the index.
CREATE TRIGGER articles_search_after_update AFTER UPDATE OF id, title, content ON articles BEGIN
    INSERT INTO articles_search (articles_search, rowid, title, content) VALUES ('delete', old.id, old.title, old.content);
    INSERT INTO articles_search (rowid, title, content) VALUES (new.id, new.title, new.content);
    INSERT INTO articles_title_search (articles_title_search, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO articles_title_search (rowid, title) VALUES (new.id, new.title);
END;

-- The articles written before this version.
INSERT INTO articles_search (articles_search) VALUES ('rebuild');
INSERT INTO articles_title_search (articles_title_search) VALUES ('rebuild');
