using System.Globalization;
using AfterSales.Benchmarks;

// dotnet run -c Release --project tests/AfterSales.Benchmarks -- [pipeline] [events]
// dotnet run -c Release --project tests/AfterSales.Benchmarks -- reports [sites]
if (args is ["reports", .. var rest])
{
    await ReportBenchmark.RunAsync(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1000);
    return;
}

var numbers = args.Where(a => a != "pipeline").ToArray();
var events = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 5000;
await PipelineBenchmark.RunAsync(events);
