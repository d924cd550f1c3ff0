"""calcifate: where the body's calcium goes -- bone or arteries -- under vitamin D, vitamin K and
calcium intake. Informs; does not prescribe: discuss any change with a clinician."""

from .inputs.person import Person
from .inputs.regimen import Dose, Regimen
from .knowledge.parameters import load_parameter_set
from .simulation import Simulation

__version__ = "0.1.0"
__all__ = ["Person", "Dose", "Regimen", "Simulation", "load_parameter_set", "__version__"]
