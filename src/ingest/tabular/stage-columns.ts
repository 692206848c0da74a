/** The columns a stage table adds to each row: the input file's index and the row check's result. */
export const STAGE_FILE_COLUMN = '__eq_file';
export const STAGE_CHECK_COLUMN = '__eq_check';
