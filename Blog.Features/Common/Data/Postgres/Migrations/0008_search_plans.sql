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
