-- The friction block of `cxbench aggregate --surveys` (DESIGN.md
-- "Friction"), worked out in SQL without any of cxbench's code, for
-- tests/friction_test.py.  Input (all columns text, '' for an empty cell,
-- rowid = the row's place in its file): `contacts`, `surveys`, and
-- `params` (one row: link_s and repeat_s, the two windows in seconds;
-- asa_f, hold_f, repeat_f, the frontier's asa_seconds, hold_seconds and
-- repeat_contact_pct; has_hold, 1 when the contacts file has a
-- hold_seconds column).  Output: the tables `linked`, `cell`, `factor` and
-- `tax`, every number at full precision (the test rounds as cxbench
-- prints).  A scope is '' for the whole period, or a channel.
--
-- Where DESIGN.md leaves a choice open, the choice is written beside it.

CREATE TEMP TABLE c AS
SELECT rowid AS rid, contact_id AS id, NULLIF(customer_id, '') AS cust, channel AS ch,
       CAST(strftime('%s', started_at) AS INTEGER) AS t,
       substr(started_at, 1, 4) || '-Q' ||
           ((CAST(substr(started_at, 6, 2) AS INTEGER) - 1) / 3 + 1) AS q,
       abandoned = '1' AS ab, resolved = '1' AS res, ai_handled = '1' AS ai,
       ai_handled <> '' AS has_ai, escalated = '1' AS esc,
       NULLIF(wait_seconds, '') + 0 AS wait, NULLIF(hold_seconds, '') + 0 AS hold,
       NULLIF(transfers, '') + 0 AS tr, NULLIF(handle_seconds, '') + 0 AS handle,
       NULLIF(human_wait_seconds, '') + 0 AS hw
FROM contacts;
CREATE INDEX c_cust ON c (cust, t, rid);
CREATE INDEX c_id ON c (id);

-- Repeats, as `aggregate` marks them ("Raw data"): followed = the same
-- customer's next contact starts within repeat_s; ties in time by file
-- order.  follows_earlier: the previous one started within repeat_s.
CREATE TEMP TABLE r AS
SELECT rid,
       COALESCE(LEAD(t) OVER w - t <= (SELECT repeat_s FROM params), 0) AS followed,
       COALESCE(t - LAG(t) OVER w <= (SELECT repeat_s FROM params), 0) AS follows
FROM c WHERE cust IS NOT NULL
WINDOW w AS (PARTITION BY cust ORDER BY t, rid);

-- Linking: by contact_id when the answer has one the contacts hold; else
-- the customer's latest contact starting at or before answered_at (ties:
-- the later row), at most link_s earlier.
CREATE TEMP TABLE s AS
SELECT rowid AS aid, NULLIF(contact_id, '') AS cid, NULLIF(customer_id, '') AS cust,
       substr(answered_at, 1, 4) || '-Q' ||
           ((CAST(substr(answered_at, 6, 2) AS INTEGER) - 1) / 3 + 1) AS aq,
       CAST(strftime('%s', answered_at) AS INTEGER) AS at,
       NULLIF(csat, '') + 0 AS csat, NULLIF(nps, '') + 0 AS nps
FROM surveys;

CREATE TEMP TABLE l0 AS
SELECT s.*, (SELECT rid FROM c WHERE c.id = s.cid) AS id_rid,
       (SELECT rid FROM c WHERE c.cust = s.cust AND c.t <= s.at
        ORDER BY c.t DESC, c.rid DESC LIMIT 1) AS prev_rid
FROM s;

CREATE TEMP TABLE link AS
SELECT l0.aid, l0.aq, l0.csat, l0.nps,
       CASE WHEN id_rid IS NOT NULL THEN 'by_contact_id'
            WHEN l0.cust IS NULL THEN 'no_id_no_customer'
            WHEN prev_rid IS NULL THEN 'no_contact_before'
            WHEN l0.at - p.t > (SELECT link_s FROM params) THEN 'outside_window'
            ELSE 'by_customer' END AS how,
       CASE WHEN id_rid IS NOT NULL THEN id_rid
            WHEN prev_rid IS NOT NULL AND l0.at - p.t <= (SELECT link_s FROM params)
            THEN prev_rid END AS rid
FROM l0 LEFT JOIN c AS p ON p.rid = l0.prev_rid;

-- Linked answers count in their contact's period; an answer linked to
-- nothing has no contact, so it counts in the period of its answered_at
-- (a choice: DESIGN.md does not say).
CREATE TABLE linked AS
SELECT COALESCE(c.q, link.aq) AS q, how, count(*) AS n
FROM link LEFT JOIN c ON c.rid = link.rid GROUP BY 1, 2;

-- Per channel, only the linked ones: an answer linked to no contact has
-- no channel.
CREATE TABLE linked_ch AS
SELECT c.q AS q, c.ch AS ch, how, count(*) AS n
FROM link JOIN c ON c.rid = link.rid GROUP BY 1, 2, 3;

-- Every level of every factor, in order.  wait, hold, transfers and ai
-- are over answered contacts (wait's own rule, and the over-sets of
-- hold_seconds, transfers_per_contact and ai_resolution_pct in "Raw
-- data"); repeat and follows_earlier over every contact with a customer,
-- as repeat_contact_pct is.  An ai_handled contact neither resolved nor
-- escalated is in no ai level (DESIGN.md's three levels leave it out).
-- time_to_human: AI contacts escalated to a person, by human_wait_seconds
-- (0-60s, 1-3min, 3-10min, 10min+: the edges the brief gives).
CREATE TEMP TABLE names (f TEXT, lvl TEXT, ord INTEGER);
INSERT INTO names VALUES
  ('wait', '0-20s', 0), ('wait', '21-60s', 1), ('wait', '1-3min', 2),
  ('wait', '3-10min', 3), ('wait', '10min+', 4),
  ('hold', 'none', 0), ('hold', '0-1min', 1), ('hold', '1min+', 2),
  ('transfers', '0', 0), ('transfers', '1', 1), ('transfers', '2+', 2),
  ('repeat', 'followed', 0), ('repeat', 'not_followed', 1),
  ('follows_earlier', 'follows', 0), ('follows_earlier', 'first', 1),
  ('ai', 'ai_resolved', 0), ('ai', 'ai_then_person', 1), ('ai', 'person_only', 2),
  ('time_to_human', '0-60s', 0), ('time_to_human', '1-3min', 1),
  ('time_to_human', '3-10min', 2), ('time_to_human', '10min+', 3);

CREATE TEMP TABLE lv AS
SELECT rid, 'wait' AS f, CASE WHEN wait <= 20 THEN '0-20s' WHEN wait <= 60 THEN '21-60s'
       WHEN wait <= 180 THEN '1-3min' WHEN wait <= 600 THEN '3-10min' ELSE '10min+' END AS lvl
FROM c WHERE NOT ab AND wait IS NOT NULL
UNION ALL
SELECT rid, 'hold', CASE WHEN hold = 0 THEN 'none' WHEN hold <= 60 THEN '0-1min' ELSE '1min+' END
FROM c WHERE NOT ab AND hold IS NOT NULL
UNION ALL
SELECT rid, 'transfers', CASE WHEN tr = 0 THEN '0' WHEN tr = 1 THEN '1' ELSE '2+' END
FROM c WHERE NOT ab AND tr IS NOT NULL
UNION ALL
SELECT rid, 'repeat', CASE WHEN followed THEN 'followed' ELSE 'not_followed' END FROM r
UNION ALL
SELECT rid, 'follows_earlier', CASE WHEN follows THEN 'follows' ELSE 'first' END FROM r
UNION ALL
SELECT rid, 'ai', CASE WHEN NOT ai THEN 'person_only' WHEN esc THEN 'ai_then_person'
       ELSE 'ai_resolved' END
FROM c WHERE NOT ab AND has_ai AND (NOT ai OR esc OR res)
UNION ALL
SELECT rid, 'time_to_human', CASE WHEN hw <= 60 THEN '0-60s' WHEN hw <= 180 THEN '1-3min'
       WHEN hw <= 600 THEN '3-10min' ELSE '10min+' END
FROM c WHERE NOT ab AND ai AND esc AND hw IS NOT NULL;

-- the whole period ('') and each channel
CREATE TEMP TABLE sc AS
SELECT rid, q, '' AS scope FROM c UNION ALL SELECT rid, q, ch FROM c;

-- Counts per scope, period, factor and level; every level of the names
-- for every scope and period that has contacts (empty levels: zeros).
CREATE TEMP TABLE cnt AS
SELECT sc.scope, sc.q, lv.f, lv.lvl, count(*) AS contacts, avg(c.wait) / 60.0 AS mean_min
FROM lv JOIN sc USING (rid) JOIN c USING (rid) GROUP BY 1, 2, 3, 4;

CREATE TEMP TABLE counts AS
SELECT sp.scope, sp.q, names.f, names.lvl, names.ord,
       COALESCE(cnt.contacts, 0) AS contacts, cnt.mean_min
FROM (SELECT DISTINCT scope, q FROM sc) AS sp CROSS JOIN names
LEFT JOIN cnt ON cnt.scope = sp.scope AND cnt.q = sp.q AND cnt.f = names.f
             AND cnt.lvl = names.lvl;

CREATE TEMP TABLE answers AS
SELECT sc.scope, sc.q, lv.f, lv.lvl,
       count(link.csat) AS cn, count(CASE WHEN link.csat >= 4 THEN 1 END) AS ck,
       count(link.nps) AS nn, count(CASE WHEN link.nps >= 9 THEN 1 END) AS np,
       count(CASE WHEN link.nps <= 6 THEN 1 END) AS nd
FROM link JOIN lv USING (rid) JOIN sc USING (rid)
GROUP BY 1, 2, 3, 4;

-- Values and 95 % intervals: CSAT (top two boxes) with Wilson's interval,
-- z = 1.96; NPS +- 1.96 SE, SE = 100 sqrt((P + D - (P - D)^2) / n), not
-- clipped to -100..100 (DESIGN.md says +- 1.96 SE and nothing more).
CREATE TEMP TABLE v AS
SELECT counts.*, COALESCE(cn, 0) AS cn, COALESCE(ck, 0) AS ck, COALESCE(nn, 0) AS nn,
       COALESCE(np, 0) AS np, COALESCE(nd, 0) AS nd,
       CASE WHEN cn > 0 THEN 100.0 * ck / cn END AS csat,
       CASE WHEN cn > 0 THEN 100.0 * sqrt((1.0 * ck / cn) * (1 - 1.0 * ck / cn) / cn) END
           AS csat_se,
       CASE WHEN nn > 0 THEN 100.0 * (np - nd) / nn END AS nps,
       CASE WHEN nn > 0 THEN 100.0 * sqrt(((np + nd) * 1.0 / nn
                                           - ((np - nd) * 1.0 / nn) * ((np - nd) * 1.0 / nn))
                                          / nn) END AS nps_se
FROM counts LEFT JOIN answers USING (scope, q, f, lvl);

CREATE TEMP TABLE vi AS
SELECT v.*,
       CASE WHEN cn > 0 THEN 100.0 * ((1.0 * ck / cn + 1.96 * 1.96 / (2 * cn))
            - 1.96 * sqrt((1.0 * ck / cn) * (1 - 1.0 * ck / cn) / cn
                          + 1.96 * 1.96 / (4.0 * cn * cn)))
            / (1 + 1.96 * 1.96 / cn) END AS csat_low,
       CASE WHEN cn > 0 THEN 100.0 * ((1.0 * ck / cn + 1.96 * 1.96 / (2 * cn))
            + 1.96 * sqrt((1.0 * ck / cn) * (1 - 1.0 * ck / cn) / cn
                          + 1.96 * 1.96 / (4.0 * cn * cn)))
            / (1 + 1.96 * 1.96 / cn) END AS csat_high,
       nps - 1.96 * nps_se AS nps_low, nps + 1.96 * nps_se AS nps_high
FROM v;

-- best: the highest CSAT among levels with at least 30 CSAT answers; a tie
-- goes to the earlier level (DESIGN.md does not say; ties are unlikely).
CREATE TEMP TABLE best AS
SELECT scope, q, f, lvl AS best, csat AS b_csat, csat_se AS b_cse, cn AS b_cn,
       nps AS b_nps, nps_se AS b_nse, nn AS b_nn
FROM (SELECT vi.*, ROW_NUMBER() OVER (PARTITION BY scope, q, f ORDER BY csat DESC, ord)
          AS k
      FROM vi WHERE cn >= 30)
WHERE k = 1;

-- diff = value - value at best; significant when both levels have at
-- least 30 answers (of that measure) and |diff| > 1.96 sqrt(SE1^2 + SE2^2).
CREATE TABLE cell AS
SELECT vi.scope, vi.q, vi.f, vi.lvl, vi.ord, contacts, mean_min,
       cn, csat, csat_low, csat_high, nn, nps, nps_low, nps_high,
       csat - b_csat AS csat_diff,
       CASE WHEN cn >= 30 AND b_cn >= 30
            AND abs(csat - b_csat) > 1.96 * sqrt(csat_se * csat_se + b_cse * b_cse)
            THEN 1 ELSE 0 END AS csat_sig,
       nps - b_nps AS nps_diff,
       CASE WHEN nn >= 30 AND b_nn >= 30
            AND abs(nps - b_nps) > 1.96 * sqrt(nps_se * nps_se + b_nse * b_nse)
            THEN 1 ELSE 0 END AS nps_sig,
       best.best
FROM vi LEFT JOIN best USING (scope, q, f);

-- points_lost = sum over levels with >= 30 answers of (contacts at the
-- level / contacts at those levels) x (value at best - value at level):
-- for NPS the levels with >= 30 NPS answers and the NPS of the CSAT-best
-- level.  csat_per_minute: the least-squares slope of the wait levels'
-- CSAT on their contacts' mean wait in minutes (levels with >= 30 CSAT
-- answers, unweighted; none when fewer than two such levels).
CREATE TABLE factor AS
SELECT scope, q, f, best,
       (SELECT sum(contacts * (b_csat - csat)) * 1.0 / sum(contacts) FROM cell AS x
        JOIN best AS b USING (scope, q, f)
        WHERE x.scope = cell.scope AND x.q = cell.q AND x.f = cell.f AND x.cn >= 30)
           AS lost_csat,
       (SELECT sum(contacts * (b_nps - nps)) * 1.0 / sum(contacts) FROM cell AS x
        JOIN best AS b USING (scope, q, f)
        WHERE x.scope = cell.scope AND x.q = cell.q AND x.f = cell.f AND x.nn >= 30)
           AS lost_nps,
       (SELECT CASE WHEN count(*) >= 2 THEN
               (count(*) * sum(mean_min * csat) - sum(mean_min) * sum(csat))
               / (count(*) * sum(mean_min * mean_min) - sum(mean_min) * sum(mean_min)) END
        FROM cell AS x
        WHERE x.scope = cell.scope AND x.q = cell.q AND x.f = 'wait' AND x.cn >= 30)
           AS per_minute
FROM cell GROUP BY scope, q, f;

-- The time tax: hours customers spent waiting (every contact's
-- wait_seconds, abandoned ones too: they waited), on hold (hold_seconds)
-- and on repeat contacts (the handle_seconds of contacts that follow an
-- earlier one within the window; wait + hold when a contact has no
-- handle time).  per 1000 contacts: over every contact of the period.
-- At the frontier, per 1000 contacts: a wait of asa_f and a hold of
-- hold_f per contact, and repeat_f % of contacts taking this period's mean
-- repeat-contact time; a component the file lacks (no hold_seconds
-- column) is left out there too, so both sides count the same things.
CREATE TEMP TABLE tax0 AS
SELECT sc.scope, sc.q, count(*) AS contacts,
       COALESCE(sum(c.wait), 0) / 3600.0 AS wait_h,
       COALESCE(sum(c.hold), 0) / 3600.0 AS hold_h,
       COALESCE(sum(CASE WHEN r.follows THEN COALESCE(c.handle,
                                                       COALESCE(c.wait, 0) + COALESCE(c.hold, 0))
                    END), 0) / 3600.0 AS repeat_h,
       avg(CASE WHEN r.follows THEN COALESCE(c.handle,
                                             COALESCE(c.wait, 0) + COALESCE(c.hold, 0)) END)
           AS repeat_mean_s
FROM sc JOIN c USING (rid) LEFT JOIN r USING (rid)
GROUP BY 1, 2;

CREATE TABLE tax AS
SELECT tax0.*, wait_h + hold_h + repeat_h AS hours,
       1000 * (wait_h + hold_h + repeat_h) / contacts AS per_1000,
       1000 * (asa_f + has_hold * hold_f + repeat_f / 100.0 * COALESCE(repeat_mean_s, 0))
           / 3600 AS at_frontier
FROM tax0, params;
