using AfterSales.Gateway.Sequencing;

namespace AfterSales.Gateway.Tests.Support;

internal sealed class CountingSequence(long first = 1) : ISequenceSource
{
    private long _next = first;

    public long Next() => _next++;
}
