-- A published template version is frozen: tilsyn results depend on exactly what it asked.
CREATE TRIGGER `skabelon_version_frozen_update`
BEFORE UPDATE OF `indhold`, `nummer`, `skabelon_id` ON `skabelon_version`
WHEN OLD.`status` = 'publiceret'
BEGIN
  SELECT RAISE(ABORT, 'published template version is frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `skabelon_version_frozen_status`
BEFORE UPDATE OF `status` ON `skabelon_version`
WHEN OLD.`status` = 'publiceret' AND NEW.`status` <> 'publiceret'
BEGIN
  SELECT RAISE(ABORT, 'published template version is frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `skabelon_version_frozen_delete`
BEFORE DELETE ON `skabelon_version`
WHEN OLD.`status` = 'publiceret' AND EXISTS (SELECT 1 FROM `skabelon` WHERE `id` = OLD.`skabelon_id`)
BEGIN
  SELECT RAISE(ABORT, 'published template version is frozen');
END;
