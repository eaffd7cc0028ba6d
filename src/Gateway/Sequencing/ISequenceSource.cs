namespace AfterSales.Gateway.Sequencing;

/// <summary>Hands out the per-gateway <c>seq</c>: strictly increasing, gaps allowed, never repeated.</summary>
internal interface ISequenceSource
{
    long Next();
}
