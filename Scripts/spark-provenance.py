#!/usr/bin/env python3
"""Attributes a crawl on Spark: the inputs are spread over the executors, each
partition is piped through `provenance report --format jsonl --files-from -`,
and the JSON Lines (one line per input: its attributed document, or its error)
are saved as text files that `provenance ingest --from-jsonl FOLDER` loads into
a store, where the documents are linked.

    # one machine, two cores, the binary built here:
    spark-submit --master 'local[2]' Scripts/spark-provenance.py \\
        --binary .build/release/provenance --inputs LIST --out shards/

    # a cluster: ship the static binary and its models to every node
    # (swift build -c release --static-swift-stdlib --product provenance, then
    #  (cd .build/release && tar -czf ../../provenance.tar.gz provenance provenance_*.resources))
    spark-submit --master yarn --archives provenance.tar.gz#provenance Scripts/spark-provenance.py \\
        --binary provenance/provenance --inputs hdfs:///crawl/paths.txt --out hdfs:///crawl/shards

    provenance ingest --from-jsonl shards/ --store corpus.sqlite

LIST is a text file of input paths, one a line, readable by the executors (a
shared file system; web archives are read a record at a time). A relative
--binary is looked for in the executor's working folder (where --archives
unpacks), then beside this script's current folder. RDD.pipe starts the
command with an empty environment, so the binary is named by its full path and
given a PATH and a UTF-8 locale here. An input that fails is a line of its own
in the output ({"path": …, "error": {"kind": …, "message": …}}), so no error is
left on an executor's standard error only; `ingest --from-jsonl` reports them
and exits 1, as a single run would.

--partitions N spreads the inputs over N partitions; --shuffle SEED mixes their
order first (a test that the store does not depend on how the crawl was split).
"""
import argparse
import os
import random
import shlex
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/release/provenance", help="the provenance binary (path, or path inside the --archives folder)")
    parser.add_argument("--inputs", required=True, help="a text file of input paths, one a line")
    parser.add_argument("--out", required=True, help="the folder the JSON Lines shards are written to (must not exist)")
    parser.add_argument("--partitions", type=int, default=0, help="how many partitions (default: Spark's)")
    parser.add_argument("--shuffle", type=int, default=None, help="mix the inputs' order with this seed first")
    parser.add_argument("--jobs", type=int, default=1, help="threads each provenance process uses (default 1: Spark runs one task a core)")
    parser.add_argument("--timing", action="store_true", help="print the job's seconds, the session's start-up left out")
    arguments = parser.parse_args()

    from pyspark import SparkFiles
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("provenance").getOrCreate()
    started = time.monotonic()
    context = spark.sparkContext
    paths = [line.strip() for line in context.textFile(arguments.inputs).collect() if line.strip()]
    if arguments.shuffle is not None:
        random.Random(arguments.shuffle).shuffle(paths)
    partitions = arguments.partitions or context.defaultParallelism
    binary = arguments.binary
    if not os.path.isabs(binary):
        unpacked = os.path.join(SparkFiles.getRootDirectory(), binary)
        binary = unpacked if os.path.exists(unpacked) else os.path.abspath(binary)
    command = [binary, "report", "--format", "jsonl", "--quiet", "--jobs", str(arguments.jobs), "--files-from", "-"]
    environment = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    lines = context.parallelize(paths, partitions).pipe(" ".join(shlex.quote(part) for part in command), env=environment)
    lines.saveAsTextFile(arguments.out)
    if arguments.timing:
        print(f"spark-provenance: {len(paths)} inputs in {time.monotonic() - started:.3f} s (session start-up left out)")
    spark.stop()


if __name__ == "__main__":
    sys.exit(main())
