"""Save the blank English spaCy pipeline Rasa's ``SpacyNLP`` loads by path.

No model can be downloaded here, so the pipeline is ``spacy.blank("en")`` with
the lookup lemmatizer, whose table comes from the ``spacy-lookups-data``
package. Run: ``python -m bot.launch.spacy_pipeline build/spacy-en`` (``make facts`` does).
"""

from __future__ import annotations

import sys
from pathlib import Path


def build(target: Path) -> Path:
    """Save ``spacy.blank("en")`` with the lookup lemmatizer into ``target``."""
    import spacy  # heavy (imports TensorFlow here): only when building

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    target.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m bot.launch.spacy_pipeline OUTPUT_DIR")
    print(f"saved blank English pipeline with lookup lemmatizer to {build(Path(sys.argv[1]))}")
