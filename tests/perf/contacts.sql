-- The metrics of `cxbench aggregate` (DESIGN.md "Raw data") for every
-- quarter, over the table `contacts` imported from CSV (all columns text;
-- empty cells are ''); a window function finds repeat contacts.  Values
-- rounded as cxbench writes them (4 decimals, half away from zero).
CREATE TEMP TABLE c AS
SELECT rowid AS rid, customer_id AS cust,
       CAST(strftime('%s', started_at) AS INTEGER) AS t,
       substr(started_at, 1, 4) || '-Q' ||
           ((CAST(substr(started_at, 6, 2) AS INTEGER) - 1) / 3 + 1) AS q,
       abandoned = '1' AS ab, resolved = '1' AS res, ai_handled = '1' AS ai,
       escalated = '1' AS esc,
       NULLIF(wait_seconds, '') + 0 AS wait, NULLIF(hold_seconds, '') + 0 AS hold,
       NULLIF(transfers, '') + 0 AS tr, NULLIF(human_wait_seconds, '') + 0 AS hw,
       NULLIF(csat, '') + 0 AS csat, NULLIF(nps, '') + 0 AS nps,
       NULLIF(ces, '') + 0 AS ces
FROM contacts;

CREATE TEMP TABLE f AS
SELECT *, COALESCE(LEAD(t) OVER (PARTITION BY cust ORDER BY t, rid) - t <= 604800, 0)
          AS followed
FROM c;

SELECT q,
  round(sum(CASE WHEN NOT ab THEN wait END) * 1.0 / count(CASE WHEN NOT ab THEN wait END), 4),
  count(CASE WHEN NOT ab THEN wait END),
  round(100.0 * count(CASE WHEN wait IS NOT NULL AND NOT ab AND wait <= 20 THEN 1 END)
        / count(wait), 4), count(wait),
  round(100.0 * sum(ab) / count(*), 4), count(*),
  round(sum(CASE WHEN NOT ab THEN hold END) * 1.0 / count(CASE WHEN NOT ab THEN hold END), 4),
  count(CASE WHEN NOT ab THEN hold END),
  round(sum(CASE WHEN NOT ab THEN tr END) * 1.0 / count(CASE WHEN NOT ab THEN tr END), 4),
  count(CASE WHEN NOT ab THEN tr END),
  round(100.0 * sum(followed) / count(*), 4), count(*),
  round(100.0 * count(CASE WHEN NOT ab AND res AND NOT followed THEN 1 END)
        / count(CASE WHEN NOT ab THEN 1 END), 4),
  count(CASE WHEN NOT ab THEN 1 END),
  round(100.0 * count(CASE WHEN NOT ab AND ai AND res AND NOT esc AND NOT followed THEN 1 END)
        / count(CASE WHEN NOT ab AND ai THEN 1 END), 4),
  count(CASE WHEN NOT ab AND ai THEN 1 END),
  round(100.0 * count(CASE WHEN csat >= 4 THEN 1 END) / count(csat), 4), count(csat),
  round(100.0 * (count(CASE WHEN nps >= 9 THEN 1 END) - count(CASE WHEN nps <= 6 THEN 1 END))
        / count(nps), 4), count(nps),
  round(sum(ces) * 1.0 / count(ces), 4), count(ces),
  round(sum(CASE WHEN esc THEN hw END) * 1.0 / count(CASE WHEN esc THEN hw END), 4),
  count(CASE WHEN esc THEN hw END)
FROM f GROUP BY q ORDER BY q;
