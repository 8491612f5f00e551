-- 0013 made one enhed per tilsyn name, grouped by SQLite's lower(), which changes only the letters A-Z: »Team Øst« and
-- »team øst« became two enheder. Names are one enhed's when they read the same by unitKey (shared/domain/enhed.ts,
-- registered as tilsyn_unit_key while migrating). Of unconfirmed enheder at the top that read the same, those holding
-- nothing but tilsyn are folded into the oldest of them (by when it was made), which may be one holding more (goals,
-- plans): a name that reads the same is the same team, as the leader would merge it. Two that both hold more stay
-- for the leader to merge. Their tilsyn move and take the kept enhed's name, as a merge does. The key is computed
-- once per enhed and indexed, so a file of thousands of enheder migrates in linear time.
CREATE TEMP TABLE `enhed_noegle` AS
SELECT e.`id`, tilsyn_unit_key(e.`navn`) AS `noegle`, e.`oprettet`,
  NOT EXISTS (SELECT 1 FROM `enhed` c WHERE c.`foraelder_id` = e.`id`)
  AND NOT EXISTS (SELECT 1 FROM `maal_trin` x WHERE x.`enhed_id` = e.`id`)
  AND NOT EXISTS (SELECT 1 FROM `planlagt_runde` x WHERE x.`enhed_id` = e.`id`)
  AND NOT EXISTS (SELECT 1 FROM `oversigt_liste` x WHERE x.`enhed_id` = e.`id`)
  AND NOT EXISTS (SELECT 1 FROM `oversigt_maal` x WHERE x.`enhed_id` = e.`id`)
  AND NOT EXISTS (SELECT 1 FROM `daekning_tal` x WHERE x.`enhed_id` = e.`id`) AS `kun_tilsyn`
FROM `enhed` e
WHERE e.`bekraeftet` = 0 AND e.`foraelder_id` IS NULL;
--> statement-breakpoint
CREATE INDEX temp.`enhed_noegle_idx` ON `enhed_noegle` (`noegle`, `oprettet`, `id`);
--> statement-breakpoint
CREATE TEMP TABLE `enhed_flet` AS
SELECT e.`id` AS `fra`,
  (SELECT f.`id` FROM `enhed_noegle` f WHERE f.`noegle` = e.`noegle` ORDER BY f.`oprettet`, f.`id` LIMIT 1) AS `til`
FROM `enhed_noegle` e
WHERE e.`kun_tilsyn`;
--> statement-breakpoint
DELETE FROM `enhed_flet` WHERE `fra` = `til`;
--> statement-breakpoint
CREATE INDEX temp.`enhed_flet_idx` ON `enhed_flet` (`fra`);
--> statement-breakpoint
UPDATE `tilsyn` SET
  `enhed_id` = (SELECT `til` FROM `enhed_flet` WHERE `fra` = `tilsyn`.`enhed_id`),
  `enhed` = (SELECT k.`navn` FROM `enhed_flet` f JOIN `enhed` k ON k.`id` = f.`til` WHERE f.`fra` = `tilsyn`.`enhed_id`)
WHERE `enhed_id` IN (SELECT `fra` FROM `enhed_flet`);
--> statement-breakpoint
DELETE FROM `enhed` WHERE `id` IN (SELECT `fra` FROM `enhed_flet`);
--> statement-breakpoint
DROP TABLE `enhed_flet`;
--> statement-breakpoint
DROP TABLE `enhed_noegle`;
--> statement-breakpoint
-- Each enhed's place by the same key the app checks names with, so the unique index guards what the app means by one
-- name; a place already taken (an enhed left for the leader to merge) keeps its old key.
UPDATE OR IGNORE `enhed` SET `plads` = coalesce(`foraelder_id`, 0) || '/' || tilsyn_unit_key(`navn`);
