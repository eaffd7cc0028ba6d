using System.Globalization;
using AfterSales.Benchmarks;

// dotnet run -c Release --project tests/AfterSales.Benchmarks -- [pipeline [events] | ingest [events] [gateways] [latency-rate] [sqlite|postgres] [--Section:Key=value …] | heartbeats [sites] [connections] [sqlite|postgres] [--Section:Key=value …] | nodes [events] [gateways] [max-inflight] [--Section:Key=value …] | storm [faults] [sites] [warm-up-sites] [sqlite|postgres] [--Section:Key=value …] | outbox [samples] [backlog] | memory [seconds] [published-gateway-executable] | ina219 [readings] | reports [sites]]
if (args.Length > 0 && args[0] == "heartbeat-load")
{
    // The sites' side of the heartbeat benchmark, started by it as a child process.
    return await HeartbeatLoad.RunAsync(args[1..]);
}

var mode = args.Length > 0 && !char.IsAsciiDigit(args[0][0]) ? args[0] : "pipeline";
var numbers = args.Where(a => char.IsAsciiDigit(a[0])).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
switch (mode)
{
    case "pipeline":
        await PipelineBenchmark.RunAsync(numbers.Length > 0 ? numbers[0] : 5000);
        break;
    case "ingest":
        await IngestBenchmark.RunAsync(
            numbers.Length > 0 ? numbers[0] : 20_000,
            numbers.Length > 1 ? numbers[1] : 100,
            numbers.Length > 2 ? numbers[2] : 1000,
            args.Skip(1).FirstOrDefault(a => !char.IsAsciiDigit(a[0]) && !a.StartsWith("--", StringComparison.Ordinal)) ?? "sqlite",
            args.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
        break;
    case "storm":
        await IngestBenchmark.StormAsync(
            numbers.Length > 0 ? numbers[0] : 10_000,
            numbers.Length > 1 ? numbers[1] : 2_000,
            numbers.Length > 2 ? numbers[2] : 100,
            args.Skip(1).FirstOrDefault(a => !char.IsAsciiDigit(a[0]) && !a.StartsWith("--", StringComparison.Ordinal)) ?? "sqlite",
            args.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
        break;
    case "heartbeats":
        await HeartbeatBenchmark.RunAsync(
            numbers.Length > 0 ? numbers[0] : 100_000,
            numbers.Length > 1 ? numbers[1] : 10_000,
            args.Skip(1).FirstOrDefault(a => !char.IsAsciiDigit(a[0]) && !a.StartsWith("--", StringComparison.Ordinal)) ?? "sqlite",
            args.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
        break;
    case "nodes":
        await SharedNodesBenchmark.RunAsync(
            numbers.Length > 0 ? numbers[0] : 20_000,
            numbers.Length > 1 ? numbers[1] : 100,
            numbers.Length > 2 ? numbers[2] : 1000,
            args.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
        break;
    case "outbox":
        await OutboxBenchmark.RunAsync(numbers.Length > 0 ? numbers[0] : 1000, numbers.Length > 1 ? numbers[1] : 100_000);
        break;
    case "reports":
        await ReportBenchmark.RunAsync(numbers.Length > 0 ? numbers[0] : 1000);
        break;
    case "ina219":
        Ina219Benchmark.Run(numbers.Length > 0 ? numbers[0] : 20);
        break;
    case "memory":
        await MemoryBenchmark.RunAsync(numbers.Length > 0 ? numbers[0] : 30, args.Skip(1).FirstOrDefault(a => !char.IsAsciiDigit(a[0])));
        break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{mode}': pipeline, ingest, storm, heartbeats, nodes, outbox, memory, ina219 or reports");
        return 2;
}

return 0;
