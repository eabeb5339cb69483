"""Results per contest and seat allocation."""
