-- Every word of the search index, with the number of articles that hold it. A search's last word is also a prefix, and
-- FTS5 answers a prefix by merging the full lists of every word it begins (a million entries for a word in every
-- article) before it can give the newest match; named one by one, the same words are read newest first and only as far
-- as the search needs. This table names them: the words that begin with the prefix are a range of its key.
--
-- The triggers cut the text into words with fts3tokenize, the same unicode61 tokenizer with the same options as the
-- index's (the two agree on every character of Unicode's planes 0 to 2; SearchWordsTests checks a sample), and count
-- each article once per word, so that a word leaves the table with its last article: no word of a deleted or edited
-- article outlives it here.
CREATE VIRTUAL TABLE search_tokenizer USING fts3tokenize('unicode61', 'remove_diacritics=2');

CREATE TABLE search_words (
    word TEXT NOT NULL PRIMARY KEY,
    articles INTEGER NOT NULL
) WITHOUT ROWID;

-- A word whose count falls to 0 is deleted at once, found through this index of exactly those rows.
CREATE INDEX ix_search_words_unused ON search_words (word) WHERE articles = 0;

CREATE TRIGGER search_words_after_insert AFTER INSERT ON articles BEGIN
    INSERT INTO search_words (word, articles)
    SELECT DISTINCT token, 1 FROM search_tokenizer WHERE input = new.title || ' ' || new.content
    ON CONFLICT (word) DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER search_words_after_delete AFTER DELETE ON articles BEGIN
    UPDATE search_words SET articles = articles - 1
    WHERE word IN (SELECT token FROM search_tokenizer WHERE input = old.title || ' ' || old.content);
    DELETE FROM search_words WHERE articles = 0;
END;

-- An edit changes few words: only the words it removes and the words it adds are counted again.
CREATE TRIGGER search_words_after_update AFTER UPDATE OF title, content ON articles BEGIN
    UPDATE search_words SET articles = articles - 1
    WHERE word IN (
        SELECT token FROM search_tokenizer WHERE input = old.title || ' ' || old.content
        EXCEPT SELECT token FROM search_tokenizer WHERE input = new.title || ' ' || new.content);
    DELETE FROM search_words WHERE articles = 0;
    INSERT INTO search_words (word, articles)
    SELECT token, 1 FROM (
        SELECT token FROM search_tokenizer WHERE input = new.title || ' ' || new.content
        EXCEPT SELECT token FROM search_tokenizer WHERE input = old.title || ' ' || old.content)
    WHERE true
    ON CONFLICT (word) DO UPDATE SET articles = articles + 1;
END;

-- The words of the articles written before this version, as the index counts them.
CREATE VIRTUAL TABLE temp.search_index_words USING fts5vocab(main, 'articles_search', 'row');
INSERT INTO search_words (word, articles) SELECT term, doc FROM temp.search_index_words;
DROP TABLE temp.search_index_words;
