-- How many rows the planner expects a statement to answer, from its statistics, without running it. The search asks
-- it how common its words are, to choose between walking the author's newest articles and asking the GIN index
-- (SearchSql). SQLite's migration of this number keeps a table of the index's words instead; PostgreSQL has
-- statistics already.
CREATE FUNCTION blog_estimated_rows(statement text) RETURNS double precision
    LANGUAGE plpgsql VOLATILE STRICT
AS $$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || statement INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision;
END
$$;

-- The newest matches of a rare word, straight from an index. GIN lists a word's matches in the table's order, so the
-- newest 1,000 of a word in 10,000 articles cost 10,000 row visits; RUM (an extension, Debian's postgresql-NN-rum)
-- keeps each article's id with its words and hands the matches over newest first. Created when the extension is
-- installed and this role may create it (it is not a trusted extension); without it the search asks the GIN index.
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS rum;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'rum is not available (%); a rare word''s newest matches come from the GIN index', SQLERRM;
    END;

    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum') THEN
        CREATE INDEX ix_articles_search_newest ON articles
            USING rum (search_vector rum_tsvector_addon_ops, id) WITH (attach = 'id', to = 'search_vector');
    END IF;
END
$$;
