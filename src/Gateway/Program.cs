using AfterSales.Gateway;

return await GatewayCli.RunAsync(args, Console.Out, Console.Error);
