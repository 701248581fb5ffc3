-- How many rows or features each source file had when read (the stored count is `rows`): "9,899 read, 7,098 stored".
ALTER TABLE sources ADD COLUMN rows_read INTEGER;
