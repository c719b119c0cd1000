using Sked.Workflows.Benchmarks.Audit;
using Sked.Workflows.Benchmarks.Cases;
using Sked.Workflows.Benchmarks.Designer;
using Sked.Workflows.Benchmarks.Inbox;
using Sked.Workflows.Benchmarks.Ratios;
using Sked.Workflows.Benchmarks.Similarity;

// Benchmarks are run by hand, in Release, not by the test command:
//   dotnet run -c Release --project tests/Sked.Workflows.Benchmarks -- cases [--store sqlite|postgres|both] [--cases N] [--concurrency C]
//   dotnet run -c Release --project tests/Sked.Workflows.Benchmarks -- audit-verify [events]
//   dotnet run -c Release --project tests/Sked.Workflows.Benchmarks -- dry-run [cases] [sqlite|postgres|both]
// Ratios to references measured in the same run (docs/performance.md, "Ratios in one run"):
//   … -- intake [--store both] [--seconds 60] [--clients 8,32] [--repetitions 3] [--timeout 120]
//   … -- lookup [--store both] [--seconds 20] [--clients 8] [--repetitions 3]
//   … -- timers [--store both] [--count 10000] [--seconds 10] [--repetitions 3] [--timeout 600]
//   … -- inbox [--store both] [--count 1000000] [--seconds 10] [--repetitions 3]
// Same-question recognition and case search (docs/performance.md, "Same question and case search"):
//   … -- similarity [sqlite|postgres] [--entries 100000] [--cases 1000000] [--background-rebuild] [--keep <folder>]   (0 skips a part)
// One node against two behind the proxy, and the failover (docs/performance.md, "Two nodes behind the proxy"):
//   … -- cluster [--seconds 20] [--clients 16] [--repetitions 2]
return args.FirstOrDefault() switch
{
    "cases" => await CaseBenchmark.RunAsync(args.Skip(1).ToArray()),
    "audit-verify" => await AuditChainVerificationBenchmark.RunAsync(args.Skip(1).ToArray()),
    "inbox" => await InboxPagingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "dry-run" => await DryRunBenchmark.RunAsync(args.Skip(1).ToArray()),
    "intake" => await IntakeBenchmark.RunAsync(args.Skip(1).ToArray()),
    "lookup" => await LookupBenchmark.RunAsync(args.Skip(1).ToArray()),
    "timers" => await TimerBenchmark.RunAsync(args.Skip(1).ToArray()),
    "similarity" => await SimilarityBenchmark.RunAsync(args.Skip(1).ToArray()),
    "cluster" => await Sked.Workflows.Benchmarks.Cluster.ClusterBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: cases | audit-verify | inbox | dry-run | intake | lookup | timers | similarity | cluster   (options and figures in docs/performance.md)");
    return 2;
}
