-- The current document of a draft, kept paragraph by paragraph, so that an event writes only what it changed: the
-- paragraphs it changed, the order when it placed or removed any, the rest of the document ("head": participants,
-- revisions, chapeau, footnotes ...) when that changed. Before, every event or batch rewrote the whole document.
CREATE TABLE draft_paragraph (
    draft_id     TEXT  NOT NULL,
    paragraph_id TEXT  NOT NULL,
    paragraph    JSONB NOT NULL,
    PRIMARY KEY (draft_id, paragraph_id)
);

ALTER TABLE draft
    ADD COLUMN head       JSONB,
    ADD COLUMN paragraphs TEXT[];

INSERT INTO draft_paragraph (draft_id, paragraph_id, paragraph)
SELECT d.draft_id, p ->> 'id', p FROM draft d, jsonb_array_elements(d.document -> 'paragraphs') AS p;

UPDATE draft SET head = document - 'paragraphs',
                 paragraphs = ARRAY(SELECT p ->> 'id' FROM jsonb_array_elements(document -> 'paragraphs')
                                    WITH ORDINALITY AS e(p, n) ORDER BY n);

ALTER TABLE draft
    DROP COLUMN document,
    ALTER COLUMN head SET NOT NULL,
    ALTER COLUMN paragraphs SET NOT NULL;
