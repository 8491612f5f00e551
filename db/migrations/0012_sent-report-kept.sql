-- A sent committee report stays in the file while its tilsyn does (the tilsyn's own deletion takes it along).
CREATE TRIGGER `udvalg_afsendelse_kept`
BEFORE DELETE ON `udvalg_afsendelse`
WHEN EXISTS (SELECT 1 FROM `tilsyn` WHERE `id` = OLD.`tilsyn_id`)
BEGIN
  SELECT RAISE(ABORT, 'a sent committee report is kept');
END;
--> statement-breakpoint
-- A sending ends (a genåbning) but never becomes the current one again.
CREATE TRIGGER `udvalg_afsendelse_ended`
BEFORE UPDATE OF `gaeldende` ON `udvalg_afsendelse`
WHEN OLD.`gaeldende` = 0 AND NEW.`gaeldende` <> 0
BEGIN
  SELECT RAISE(ABORT, 'an ended sending stays ended');
END;
