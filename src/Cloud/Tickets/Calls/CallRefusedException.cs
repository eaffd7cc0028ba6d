namespace AfterSales.Cloud.Tickets.Calls;

/// <summary>A call that cannot open a ticket as recorded; <see cref="Exception.Message"/> lists every problem.</summary>
public sealed class CallRefusedException : Exception
{
    public CallRefusedException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems ?? [])) => Problems = problems ?? [];

    public CallRefusedException()
    {
        Problems = [];
    }

    public CallRefusedException(string message)
        : base(message) => Problems = [message];

    public CallRefusedException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }
}
