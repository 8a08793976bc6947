import './styles/page.css';
import './components/map-story.ts';
