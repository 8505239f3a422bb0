-- Schema 6: every row carries a checksum of its values (row_sum), so that
-- a byte changed on the disk is noticed instead of read as other data.
-- The columns, the triggers that keep them and the sums of the rows already
-- stored are made by refreshRowSums (storage/rowsums.go) in this
-- migration's transaction, from the tables as they are: written out here,
-- a column a later migration adds could be left out of its table's sum.
SELECT 1;
