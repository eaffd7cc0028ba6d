using AfterSales.Cloud.Hosting;

return await CloudCommandLine.RunAsync(args);
