import './styles/page.css';
import './components/map-story.ts';
import './components/update-notice.ts';

document.body.append(document.createElement('update-notice'));
