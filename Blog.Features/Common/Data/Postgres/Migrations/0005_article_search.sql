-- Full-text search over the articles' title (weight A) and content (weight B): a stored generated tsvector, so every
-- INSERT and UPDATE writes it in the same statement as the row, and a GIN index over it.
--
-- Accents: the unaccent extension when the server has it and this role may create it (it is a trusted extension
-- since PostgreSQL 13, so a database owner may). Otherwise a translate() of the Latin letters with diacritics
-- stands in, so search still works, a little less thoroughly (unaccent also knows ligatures such as œ and ß).
-- unaccent() is STABLE (it reads its dictionary by search_path), and a generated column needs an IMMUTABLE
-- expression: the wrapper names the dictionary with its schema, which makes the promise true.
-- Everything that is not a letter or a digit becomes a space before the parser sees it, so that the words of the
-- index are the words the API's query tokenizer makes (the parser alone would keep "1.5" or "café-bar" whole).
DO $$
DECLARE
    unaccent_schema text;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'unaccent is not available (%); accents are folded by translate()', SQLERRM;
    END;

    SELECT extnamespace::regnamespace::text INTO unaccent_schema FROM pg_extension WHERE extname = 'unaccent';
    IF unaccent_schema IS NOT NULL THEN
        EXECUTE format(
            $f$CREATE FUNCTION blog_search_words(value text) RETURNS text
               LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
               RETURN regexp_replace(%1$s.unaccent(%2$L::regdictionary, value), '[^[:alnum:]]+', ' ', 'g')$f$,
            unaccent_schema, unaccent_schema || '.unaccent');
    ELSE
        CREATE FUNCTION blog_search_words(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            RETURN regexp_replace(
                translate(value,
                    'ÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćĈĉĊċČčĎďĐđÈÉÊËèéêëĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħÌÍÎÏìíîïĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłÑñŃńŅņŇňÒÓÔÕÖØòóôõöøŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųŴŵÝýÿŶŷŸŹźŻżŽž',
                    'AAAAAAaaaaaaAaAaAaCcCcCcCcCcDdDdEEEEeeeeEeEeEeEeEeGgGgGgGgHhHhIIIIiiiiIiIiIiIiIiJjKkLlLlLlLlLlNnNnNnNnOOOOOOooooooOoOoOoRrRrRrSsSsSsSsTtTtTtUUUUuuuuUuUuUuUuUuUuWwYyyYyYZzZzZz'),
                '[^[:alnum:]]+', ' ', 'g');
    END IF;
END
$$;

ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', blog_search_words(title)), 'A') ||
    setweight(to_tsvector('simple', blog_search_words(content)), 'B')
) STORED;

CREATE INDEX ix_articles_search_vector ON articles USING gin (search_vector);

-- The titles alone, stored too: "which articles hold every word in the title?" (they rank first) reads the short
-- lists of title words, never the long lists of the content's, and where the planner walks rows instead, each check
-- reads a small stored vector instead of folding the title again.
ALTER TABLE articles ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', blog_search_words(title))
) STORED;

CREATE INDEX ix_articles_title_vector ON articles USING gin (title_vector);

ANALYZE articles;
