using Sked.Workflows.Testing;

[assembly: AssemblyFixture(typeof(TestDatabases))]

// One fault at a time: each brings its own load, and two on two cores would measure each other.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
