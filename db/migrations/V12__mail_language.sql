-- Mails in the recipient's language (one of the pages' languages, as a BCP 47 tag such as
-- de or pt-BR): the language of the request that gave the address, kept beside it. Null on
-- rows from before: those get English.
ALTER TABLE event ADD COLUMN organizer_language VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL;
ALTER TABLE participant ADD COLUMN email_language VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL;
