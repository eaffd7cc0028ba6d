namespace AfterSales.Gateway.Faults;

/// <summary>The outbox did not take a message: its disk budget is used up, or the disk itself is full or failing.</summary>
internal sealed class OutboxFullException : Exception
{
    public OutboxFullException()
    {
    }

    public OutboxFullException(string message)
        : base(message)
    {
    }

    public OutboxFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
