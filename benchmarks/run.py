"""Run every benchmark: `python -m benchmarks.run` from the repository root (inside .venv)."""

from benchmarks import bench_engine, bench_file_safety, bench_gui, bench_leaflet, bench_register, bench_summary

if __name__ == "__main__":
    for bench in (bench_engine, bench_leaflet, bench_summary, bench_file_safety, bench_gui, bench_register):
        print(f"== {bench.__name__.split('.')[-1]}")
        bench.main()
