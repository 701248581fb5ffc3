using Dala.Events.Model;

namespace Dala.Events.Store;

/// <summary>Where mass events are kept (declared here, implemented by every store).</summary>
public interface IEventStore
{
    /// <summary>Adds an event; false (nothing written) when its id is taken.</summary>
    bool Add(MassEvent e, string actor, DateTimeOffset at);

    /// <summary>Every event, latest start first (then by id).</summary>
    IReadOnlyList<MassEvent> List();

    MassEvent? Get(string id);
}
