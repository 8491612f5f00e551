-- 0013 made one enhed per tilsyn name, grouped by SQLite's lower(), which changes only the letters A-Z: »Team Øst« and
-- »TEAM ØST« became two enheder. Names are one enhed's when they read the same by unitKey (shared/domain/enhed.ts,
-- registered as tilsyn_unit_key while migrating). Unconfirmed enheder at the top that read the same and hold nothing but
-- tilsyn are folded into the oldest of them; their tilsyn move with them. One holding more stays for the leader to merge.
CREATE TEMP TABLE `enhed_flet` AS
SELECT e.`id` AS `fra`,
  (SELECT min(f.`id`) FROM `enhed` f
   WHERE f.`bekraeftet` = 0 AND f.`foraelder_id` IS NULL AND tilsyn_unit_key(f.`navn`) = tilsyn_unit_key(e.`navn`)) AS `til`
FROM `enhed` e
WHERE e.`bekraeftet` = 0 AND e.`foraelder_id` IS NULL
  AND NOT EXISTS (SELECT 1 FROM `enhed` c WHERE c.`foraelder_id` = e.`id`)
  AND NOT EXISTS (SELECT 1 FROM `maal_trin` x WHERE x.`enhed_id` = e.`id`)
  AND NOT EXISTS (SELECT 1 FROM `planlagt_runde` x WHERE x.`enhed_id` = e.`id`)
  AND NOT EXISTS (SELECT 1 FROM `oversigt_liste` x WHERE x.`enhed_id` = e.`id`)
  AND NOT EXISTS (SELECT 1 FROM `oversigt_maal` x WHERE x.`enhed_id` = e.`id`)
  AND NOT EXISTS (SELECT 1 FROM `daekning_tal` x WHERE x.`enhed_id` = e.`id`);
--> statement-breakpoint
DELETE FROM `enhed_flet` WHERE `fra` = `til`;
--> statement-breakpoint
UPDATE `tilsyn` SET `enhed_id` = (SELECT `til` FROM `enhed_flet` WHERE `fra` = `tilsyn`.`enhed_id`)
WHERE `enhed_id` IN (SELECT `fra` FROM `enhed_flet`);
--> statement-breakpoint
DELETE FROM `enhed` WHERE `id` IN (SELECT `fra` FROM `enhed_flet`);
--> statement-breakpoint
DROP TABLE `enhed_flet`;
--> statement-breakpoint
-- Each enhed's place by the same key the app checks names with, so the unique index guards what the app means by one
-- name; a place already taken (an enhed left for the leader to merge) keeps its old key.
UPDATE OR IGNORE `enhed` SET `plads` = coalesce(`foraelder_id`, 0) || '/' || tilsyn_unit_key(`navn`);
