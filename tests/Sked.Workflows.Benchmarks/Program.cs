using Sked.Workflows.Benchmarks.Audit;
using Sked.Workflows.Benchmarks.Cases;
using Sked.Workflows.Benchmarks.Designer;
using Sked.Workflows.Benchmarks.Inbox;

// Benchmarks are run by hand, in Release, not by the test command:
//   dotnet run -c Release --project tests/Sked.Workflows.Benchmarks -- cases [--store sqlite|postgres|both] [--cases N] [--concurrency C]
//   dotnet run -c Release --project tests/Sked.Workflows.Benchmarks -- audit-verify [events]
//   dotnet run -c Release --project tests/Sked.Workflows.Benchmarks -- inbox [cases] [sqlite|postgres|both]
//   dotnet run -c Release --project tests/Sked.Workflows.Benchmarks -- dry-run [cases] [sqlite|postgres|both]
return args.FirstOrDefault() switch
{
    "cases" => await CaseBenchmark.RunAsync(args.Skip(1).ToArray()),
    "audit-verify" => await AuditChainVerificationBenchmark.RunAsync(args.Skip(1).ToArray()),
    "inbox" => await InboxPagingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "dry-run" => await DryRunBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: cases [--store …] [--cases N] [--concurrency C] | audit-verify [events] | inbox [cases] | dry-run [cases]   (figures go to docs/performance.md)");
    return 2;
}
