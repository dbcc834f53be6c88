/**
 * Offline training of the captioners: {@link io.capstream.training.Trainer} over in-memory {@link
 * io.capstream.training.TrainingSample}s (from a dataset directory via {@link
 * io.capstream.training.TrainingData}, or from any other source such as a labeled topic),
 * configured by {@link io.capstream.training.TrainerConfig}, writing a {@link
 * io.capstream.model.checkpoint.ModelCheckpoint}.
 */
package io.capstream.training;
