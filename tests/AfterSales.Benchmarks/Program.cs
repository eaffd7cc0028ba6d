using AfterSales.Benchmarks;

var events = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5000;
await PipelineBenchmark.RunAsync(events);
