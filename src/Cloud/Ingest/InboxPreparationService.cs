namespace AfterSales.Cloud.Ingest;

/// <summary>Prepares the inbox's database at start (<see cref="InboxStore.PrepareAsync"/>); registered after the cloud's database initializer and before the broker.</summary>
internal sealed class InboxPreparationService(InboxStore inbox) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => inbox.PrepareAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
