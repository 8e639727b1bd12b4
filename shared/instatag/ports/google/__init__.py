"""Google Cloud backends: Firestore, Redis (Memorystore), Cloud Storage, Pub/Sub, Cloud Tasks.

Each client honours its emulator variable (`FIRESTORE_EMULATOR_HOST`, `PUBSUB_EMULATOR_HOST`,
`STORAGE_EMULATOR_HOST`); Cloud Tasks' emulator is named in the settings.
"""
