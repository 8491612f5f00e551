ALTER TABLE `tilsyn` ADD `kilde_fil` text;--> statement-breakpoint
ALTER TABLE `tilsyn` ADD `kilde_tid` text;--> statement-breakpoint
UPDATE `tilsyn` SET `kilde_fil` = substr(`kilde_uid`, 1, 36) WHERE `kilde_uid` IS NOT NULL;
